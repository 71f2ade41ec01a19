using Azure.Data.Tables;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// The rollouts for the dashboard's list: every rollout state row of the watches table (the rows
/// <see cref="IRolloutStore"/> writes, read the same way), newest update first.
/// </summary>
internal sealed class RolloutList(ITableProvider tables)
{
    public async Task<IReadOnlyList<RolloutState>> ReadAsync(int limit, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Watches, cancellationToken);
        var states = new List<RolloutState>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RolloutRows.StateRowKey}"), cancellationToken: cancellationToken))
        {
            states.Add(RolloutRows.ReadState(row));
        }

        return [.. states.OrderByDescending(s => s.UpdatedAt).Take(limit)];
    }
}
