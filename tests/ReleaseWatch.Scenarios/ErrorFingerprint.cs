namespace ReleaseWatch.Scenarios;

/// <summary>
/// One kind of failure as an org logs it: exception type, message and where it was thrown. Messages carry
/// <see cref="Placeholders"/> that differ per occurrence, as real ones do.
/// </summary>
/// <param name="ExceptionType">The Apex exception type, or null for a flow fault logged from a fault path.</param>
/// <param name="Location">Class.method for Apex, Flow_Name.Element for flows.</param>
/// <param name="Trigger">The trigger the class ran under, if any (it starts the stack trace's last line).</param>
internal sealed record ErrorFingerprint(string? ExceptionType, string Message, string Location, int Line, string? Trigger = null)
{
    public bool IsFlow => ExceptionType is null;

    /// <summary>The message of one occurrence, placeholders filled in.</summary>
    public string Render(Random random) => Placeholders.Fill(Message, random);

    /// <summary>An Apex stack trace as the platform prints it: the throwing frame first, the trigger last.</summary>
    public string? StackTrace()
    {
        if (IsFlow)
        {
            return null;
        }

        var frames = new List<string> { $"Class.{Location}: line {Line}, column 1" };
        if (Trigger is not null)
        {
            frames.Add($"Trigger.{Trigger}: line {(Line % 23) + 3}, column 1");
        }

        return string.Join('\n', frames);
    }

    public string ClassName => IsFlow ? Location.Split('.')[0] : Location[..Location.LastIndexOf('.')];

    public string MethodName => Location[(Location.LastIndexOf('.') + 1)..];
}
