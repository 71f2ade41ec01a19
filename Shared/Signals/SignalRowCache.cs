using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace ReleaseWatch.Signals;

/// <summary>
/// The minute rows each org's writer last stored or read, with their ETags, so the next write of the same minutes
/// reads nothing: a stale one fails its ETag and is read again. An org's writes go one at a time (its gate); rows
/// more than <see cref="KeptMinutes"/> older than the org's newest are dropped.
/// </summary>
internal sealed class SignalRowCache
{
    private const int KeptMinutes = 10;

    private readonly ConcurrentDictionary<string, OrgRows> _orgs = new(StringComparer.Ordinal);

    public OrgRows For(string orgId) => _orgs.GetOrAdd(orgId, id => new OrgRows(id));

    internal sealed class OrgRows(string orgId)
    {
        // Per minute, every chunk stored as of the last read or write (an empty list: known to have none).
        private readonly Dictionary<DateTimeOffset, List<TableEntity>> _minutes = [];

        public string OrgId { get; } = orgId;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>
        /// Fresh row objects of the minutes (a failed write must not change what is kept). A minute not kept is taken as
        /// new: a write that meets a stored row fails (409) and the minute is read.
        /// </summary>
        public Dictionary<DateTimeOffset, List<SignalMinuteRow>> Rows(IEnumerable<DateTimeOffset> minutes) =>
            minutes.ToDictionary(m => m, m => _minutes.TryGetValue(m, out var kept) ? kept.Select(SignalMinuteRow.From).OrderBy(r => r.Chunk).ToList() : []);

        public void Loaded(IEnumerable<DateTimeOffset> minutes, IReadOnlyList<TableEntity> found)
        {
            foreach (var minute in minutes)
            {
                _minutes[minute] = [];
            }

            foreach (var entity in found)
            {
                var minute = SignalMinuteRow.From(entity).Minute;
                (_minutes.TryGetValue(minute, out var kept) ? kept : _minutes[minute] = []).Add(entity);
            }
        }

        public void Written(IReadOnlyList<TableEntity> written, IReadOnlyList<ETag> etags)
        {
            for (var i = 0; i < written.Count; i++)
            {
                var entity = written[i];
                var minute = SignalMinuteRow.From(entity).Minute;
                if (!_minutes.TryGetValue(minute, out var kept))
                {
                    _minutes[minute] = kept = [];
                }

                kept.RemoveAll(e => e.RowKey == entity.RowKey);
                if (etags[i] == default)
                {
                    // No ETag came back: the minute is read again before its next write.
                    _minutes.Remove(minute);
                    continue;
                }

                entity.ETag = etags[i];
                kept.Add(entity);
            }

            if (_minutes.Count > 0)
            {
                var newest = _minutes.Keys.Max();
                foreach (var old in _minutes.Keys.Where(m => m < newest.AddMinutes(-KeptMinutes)).ToList())
                {
                    _minutes.Remove(old);
                }
            }
        }
    }
}
