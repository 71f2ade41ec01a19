using System.Diagnostics;

namespace ReleaseWatch.Tests.Peers;

/// <summary>Waits on a condition with a deadline, instead of sleeping and hoping.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        var pause = TimeSpan.FromMilliseconds(10);
        while (clock.Elapsed < deadline)
        {
            try
            {
                var value = await probe();
                if (value is not null && value is not false)
                {
                    return value;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                last = ex;
            }

            // Polling pause, doubled up to 200 ms: the condition is re-checked, not assumed.
            using var tick = new PeriodicTimer(pause);
            await tick.WaitForNextTickAsync();
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 200));
        }

        throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for {what}." + (last is null ? "" : $" Last error: {last.Message}"), last);
    }

    public static Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what) =>
        WaitForAsync<bool>(async () => await condition(), deadline, what);

    public static Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string what) =>
        WaitForAsync<bool>(() => Task.FromResult(condition()), deadline, what);
}
