using Azure.Data.Tables;

namespace ReleaseWatch.Storage;

/// <summary>
/// Table Storage holds at most 64 KiB (32K UTF-16 characters) in one string property, and a rollout of hundreds of orgs
/// (and a promote command naming them) is larger: long text is split over "Name", "Name1", "Name2", … of at most <see cref="Size"/> characters each (the
/// entity's 1 MiB limit still holds: about 2,000 orgs).
/// </summary>
internal static class TableChunks
{
    public const int Size = 30_000;

    public static TableEntity Put(TableEntity entity, string name, string text)
    {
        var parts = Math.Max(1, (text.Length + Size - 1) / Size);
        for (var i = 0; i < parts; i++)
        {
            entity[i == 0 ? name : $"{name}{i}"] = text.Substring(i * Size, Math.Min(Size, text.Length - (i * Size)));
        }

        return entity;
    }

    public static string Get(TableEntity entity, string name)
    {
        var text = new System.Text.StringBuilder(entity.GetString(name) ?? "");
        for (var i = 1; entity.GetString($"{name}{i}") is { } part; i++)
        {
            text.Append(part);
        }

        return text.ToString();
    }
}
