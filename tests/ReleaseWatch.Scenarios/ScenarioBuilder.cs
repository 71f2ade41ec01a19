namespace ReleaseWatch.Scenarios;

/// <summary>
/// One recording in the making: the org, the deployment, the span covered (the baseline before the deployment,
/// the watch after it, a little either side), the knobs a scenario's shape turns on the org's own traffic, and
/// what the shape adds (an incident's errors, a silenced stream, failing batch chunks).
/// </summary>
internal sealed class ScenarioBuilder
{
    private readonly List<GeneratedEvent> _added = [];
    private readonly Dictionary<string, DateTimeOffset> _silenced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<DateTimeOffset, double>> _creates = new(StringComparer.Ordinal);
    private readonly ScenarioSpan _span;
    private ActivityCurve? _curve;
    private double _baselineActivity;
    private double _baselineUsers;
    private double _lunchLevel;

    public ScenarioBuilder(OrgProfile org, Random random, DateTimeOffset deployedAt, ScenarioSpan span)
    {
        Org = org;
        Random = random;
        DeployedAt = deployedAt;
        _span = span;
        StartsAt = deployedAt - span.Baseline - random.Within(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4));
        EndsAt = deployedAt + span.Watch + random.Within(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(6));
        Logs = new NebulaLogEntries(org, random);
        Changes = new ChangeEvents(org, random);
        Batches = new BatchApexErrors(org, random);
        ErrorShape = org.ErrorShape;
        BurstsPerHour = org.BurstsPerHour;
        WarmupBurst = random.Chance(0.3);
        _lunchLevel = org.LunchLevel;
    }

    public OrgProfile Org { get; }

    public Random Random { get; }

    public DateTimeOffset DeployedAt { get; }

    public DateTimeOffset StartsAt { get; }

    public DateTimeOffset EndsAt { get; }

    public NebulaLogEntries Logs { get; }

    public ChangeEvents Changes { get; }

    public BatchApexErrors Batches { get; }

    /// <summary>Gamma shape of the chronic errors' intensity (smaller: burstier).</summary>
    public double ErrorShape { get; set; }

    public double BurstsPerHour { get; set; }

    /// <summary>When set, the bursts happen exactly then instead of at <see cref="BurstsPerHour"/>.</summary>
    public IReadOnlyList<DateTimeOffset>? BurstTimes { get; set; }

    /// <summary>A short burst of errors right after the deployment (classes recompiling, caches cold).</summary>
    public bool WarmupBurst { get; set; }

    /// <summary>How far people's activity falls over lunch (0.4: to 40%).</summary>
    public double LunchLevel
    {
        get => _lunchLevel;
        set
        {
            _lunchLevel = value;
            _curve = null;
        }
    }

    public ScenarioIncident? Incident { get; private set; }

    /// <summary>What the scenario is, in a sentence, for the label.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The org's activity at an instant relative to its mean over the baseline window (rates are baseline means).</summary>
    public double Activity(DateTimeOffset at)
    {
        var curve = Curve;
        return curve.At(at) / _baselineActivity;
    }

    /// <summary>People's activity (with the lunch dip) relative to its baseline mean.</summary>
    public double UserActivity(DateTimeOffset at)
    {
        var curve = Curve;
        return curve.UsersAt(at) / _baselineUsers;
    }

    public TimeSpan After(TimeSpan from, TimeSpan to) => Random.Within(from, to);

    public Func<DateTimeOffset, double> CreatesFactor(BusinessObject entity) => _creates.GetValueOrDefault(entity.Entity) ?? (_ => 1);

    public void ScaleCreates(BusinessObject entity, Func<DateTimeOffset, double> factor) => _creates[entity.Entity] = factor;

    /// <summary>The channel stays connected but delivers nothing from then on.</summary>
    public void Silence(string channel, DateTimeOffset from) => _silenced[channel] = from;

    /// <summary>Errors of one kind from <paramref name="from"/> to the end, at a rate that may change over time.</summary>
    public void Errors(ErrorFingerprint kind, DateTimeOffset from, Func<DateTimeOffset, double> perMinute, double shape)
    {
        foreach (var at in Arrivals.Cox(Random, from, EndsAt, perMinute, shape, TimeSpan.FromSeconds(90)))
        {
            _added.AddRange(Logs.Transaction(at, kind));
        }
    }

    public void Error(DateTimeOffset at, ErrorFingerprint kind) => _added.AddRange(Logs.Transaction(at, kind));

    public void Add(GeneratedEvent published) => _added.Add(published);

    public void MarkIncident(DateTimeOffset startsAt, string? signal, string channel, string summary)
    {
        Incident = new ScenarioIncident(startsAt, signal, channel);
        Summary = summary;
    }

    /// <summary>Every event of the recording, as received lines.</summary>
    public IReadOnlyList<string> Render()
    {
        var events = OrgTraffic.Render(this).Concat(_added).ToList();
        if (WarmupBurst)
        {
            var kinds = ErrorCatalog.Warmup.OrderBy(_ => Random.Next()).Take(Random.Between(1, 2)).ToList();
            var start = DeployedAt + After(TimeSpan.Zero, TimeSpan.FromSeconds(5));
            foreach (var at in Arrivals.Burst(Random, start, Random.Between(10, 40), After(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(100))))
            {
                events.AddRange(Logs.Transaction(at, Random.Pick(kinds)));
            }
        }

        var kept = events.Where(e => e.OccurredAt >= StartsAt && e.OccurredAt < EndsAt
            && !(_silenced.TryGetValue(e.Channel, out var silentFrom) && e.OccurredAt >= silentFrom));
        return RecordingWriter.Lines(Org.Id, kept, Random);
    }

    private ActivityCurve Curve
    {
        get
        {
            if (_curve is null)
            {
                _curve = new ActivityCurve(Org.UtcOffset, _lunchLevel);
                var minutes = Enumerable.Range(0, (int)_span.Baseline.TotalMinutes).Select(m => DeployedAt - _span.Baseline + TimeSpan.FromMinutes(m + 0.5)).ToList();
                _baselineActivity = minutes.Average(_curve.At);
                _baselineUsers = minutes.Average(_curve.UsersAt);
            }

            return _curve;
        }
    }
}
