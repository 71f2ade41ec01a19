namespace ReleaseWatch.Tests.Watches.Runtime;

/// <summary>
/// Numbers the persistence points a step passes (before and after every write) and "kills" the process at
/// one of them by throwing OperationCanceledException, which nothing in the ticker swallows.
/// </summary>
internal sealed class CrashPlan
{
    private readonly List<string> _passed = [];

    public int CrashAt { get; set; }

    public bool Armed { get; set; }

    public IReadOnlyList<string> Passed => _passed;

    public void Point(string name)
    {
        if (!Armed)
        {
            return;
        }

        _passed.Add(name);
        if (_passed.Count == CrashAt)
        {
            Armed = false;
            throw new OperationCanceledException($"killed at persistence point {CrashAt}: {name}");
        }
    }
}
