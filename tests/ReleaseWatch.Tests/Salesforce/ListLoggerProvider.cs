using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>Keeps every entry logged through the provider (event id, level, formatted text), from any thread.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyList<LoggedEntry> Entries => [.. _entries];

    public IReadOnlyList<LoggedEntry> OfEvent(int eventId) => [.. _entries.Where(e => e.EventId == eventId)];

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<LoggedEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LoggedEntry(eventId.Id, logLevel, formatter(state, exception),
                state is IEnumerable<KeyValuePair<string, object?>> values ? [.. values] : []));
    }
}

/// <summary>One logged entry and its structured values (e.g. "Delay" of a reconnect).</summary>
public sealed record LoggedEntry(int EventId, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    public T Value<T>(string name) => Values.FirstOrDefault(v => v.Key == name).Value is T value
        ? value
        : throw new KeyNotFoundException($"No {typeof(T).Name} '{name}' in log entry {EventId} ({string.Join(", ", Values.Select(v => v.Key))}): {Message}");
}
