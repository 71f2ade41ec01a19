using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Benchmarks.Storage;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Benchmarks.Capture;

/// <summary>
/// How capture leases spread over instances against a real Azurite: N orgs, instances joining one by one and then
/// one leaving cleanly. Each instance runs, per org, the lease cycle the standalone runner runs (take when its share
/// allows, renew every third of LeaseDuration, let surplus go), without subscribers: it measures the sharing itself,
/// the time to a balanced spread and the storage requests it costs per org and minute.
/// </summary>
internal static class LeaseSpreadBenchmark
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(6);

    public static async Task<int> RunAsync(string[] args)
    {
        var orgs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var instances = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var azurite = new AzuritePeer();
        await azurite.InitializeAsync();
        try
        {
            var ids = Enumerable.Range(0, orgs).Select(i => $"00DLEASE{Guid.NewGuid():N}"[..18]).ToList();
            var running = new List<Instance>();
            Console.WriteLine($"lease spread: {orgs} orgs, LeaseDuration {LeaseDuration.TotalSeconds:0} s (renewal every {LeaseDuration.TotalSeconds / 3:0} s), instances joining one by one");
            for (var i = 0; i < instances; i++)
            {
                running.Add(Instance.Start(azurite.ConnectionString, ids));
                var share = (int)Math.Ceiling(orgs / (double)running.Count);
                var balanced = await BalancedAsync(running, orgs, share);
                Console.WriteLine($"  {running.Count} instance(s): {Spread(running)} after {balanced.TotalSeconds:0.0} s");
            }

            var tally = running.Select(r => RequestTally.Start(r.Services)).ToList();
            var steady = Stopwatch.StartNew();
            await Task.Delay(LeaseDuration * 2);
            var perOrgMinute = tally.Sum(t => t.Requests) / (double)orgs / steady.Elapsed.TotalMinutes;
            Console.WriteLine($"  steady state: {perOrgMinute:0.0} storage requests per org and minute ({tally[0].Describe(orgs * steady.Elapsed.TotalMinutes / running.Count)} per org-minute on one instance)");

            var leaving = running[^1];
            running.RemoveAt(running.Count - 1);
            var left = Stopwatch.StartNew();
            await leaving.StopAsync();
            var after = await BalancedAsync(running, orgs, (int)Math.Ceiling(orgs / (double)running.Count));
            Console.WriteLine($"  one instance left cleanly: {Spread(running)} after {after.TotalSeconds:0.0} s");
            foreach (var instance in running)
            {
                await instance.StopAsync();
            }

            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static string Spread(List<Instance> running) => string.Join(" + ", running.Select(r => r.Share.Held.Count));

    /// <summary>Waits until every org is held once and no instance holds more than its share.</summary>
    private static async Task<TimeSpan> BalancedAsync(List<Instance> running, int orgs, int share)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.WaitUntilAsync(() => Task.FromResult(running.Sum(r => r.Share.Held.Count) == orgs && running.All(r => r.Share.Held.Count <= share)),
            TimeSpan.FromMinutes(5), "a balanced spread");
        return clock.Elapsed;
    }

    private sealed class Instance
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _loops = [];

        private Instance(ServiceProvider services) => Services = services;

        public ServiceProvider Services { get; }

        public CaptureShare Share => Services.GetRequiredService<CaptureShare>();

        public static Instance Start(string storage, IReadOnlyList<string> ids)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ReleaseWatch:Storage:ConnectionString"] = storage }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddReleaseWatchStorage(configuration);
            services.AddSingleton<SignalLeaseStore>();
            services.AddSingleton(Options.Create(new SignalCaptureOptions { LeaseDuration = LeaseDuration }));
            services.AddSingleton(Options.Create(new SignalCaptureOrgs
            {
                Orgs = [.. ids.Select(id => new OrgOptions { Id = id, Name = id, Salesforce = new SalesforceOrgOptions(), Channels = ["/event/LogEntryEvent__e"] })],
            }));
            services.AddSingleton<CaptureShare>();
            var instance = new Instance(services.BuildServiceProvider());
            instance._loops.AddRange(ids.Select(instance.CycleAsync));
            return instance;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_loops);
            await Share.LeaveAsync(CancellationToken.None);
            await Services.DisposeAsync();
        }

        /// <summary>The runner's lease cycle for one org, with the subscriber left out.</summary>
        private async Task CycleAsync(string orgId)
        {
            var leases = Services.GetRequiredService<SignalLeaseStore>();
            var share = Share;
            var renewEvery = LeaseDuration / 3;
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    if (!(await share.MayTakeAsync(orgId, _stop.Token) && await leases.TryAcquireAsync(orgId, share.Owner, LeaseDuration, _stop.Token)))
                    {
                        await Task.Delay(renewEvery, _stop.Token);
                        continue;
                    }

                    share.Taken(orgId);
                    while (true)
                    {
                        await Task.Delay(renewEvery, _stop.Token);
                        if (await share.ShouldYieldAsync(orgId, _stop.Token) || !await leases.TryAcquireAsync(orgId, share.Owner, LeaseDuration, _stop.Token))
                        {
                            share.Released(orgId);
                            await leases.ReleaseAsync(orgId, share.Owner, CancellationToken.None);
                            break;
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                if (share.Held.Contains(orgId))
                {
                    share.Released(orgId);
                    await leases.ReleaseAsync(orgId, share.Owner, CancellationToken.None);
                }
            }
        }
    }
}
