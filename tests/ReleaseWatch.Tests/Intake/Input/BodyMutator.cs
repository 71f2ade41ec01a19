using System.Text;

namespace ReleaseWatch.Tests.Intake.Input;

/// <summary>
/// The fuzz tests' mutations of a valid JSON body: values replaced by hostile ones (lone surrogates, out-of-range dates,
/// wrong types, bad org ids), hostile bytes inserted (invalid UTF-8, NUL, stray quotes and brackets), bytes deleted, tails cut.
/// Deterministic for a seeded <see cref="Random"/>.
/// </summary>
internal static class BodyMutator
{
    private static readonly string[] HostileValues =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud800b\"", "\"\\u0000\"", "\"\"", "\"   \"", "0", "-1", "1e400", "1.5", "true", "null", "{}", "[]",
        "[\"x\"]", "{\"a\":{\"b\":{}}}", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"11/23/2026 10:00:00 +00:00\"",
        "\"Mon, 23 Nov 2026 10:00:00 GMT\"", "\"2026-11-23T10:00:00\"", "\"00D000000000000ZZZ\"", "\"00d000000000000aaa\"",
        "\"" + new string('x', 300) + "\"", "\"abort\"", "\"extend\"", "\"approve-revert\"", "1440", "1441",
        "\"success\"", "\"succeeded\"", "\"completed\"", "\"Succeeded\"", "\"Deployment\"", "\"production\"", "\"Production\"", "\"uat\"", "\"deployment_status\"",
    ];

    private static readonly byte[][] HostileBytes = [[0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], "\\ud800"u8.ToArray(), "\""u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray()];

    /// <summary>
    /// <paramref name="fewest"/> to <paramref name="fewest"/> + 2 mutations (default one to three): a value replaced by a
    /// hostile one, hostile bytes inserted, a byte deleted, or the tail cut off.
    /// </summary>
    public static byte[] Mutate(Random random, byte[] json, int fewest = 1)
    {
        var bytes = json.ToList();
        for (var n = random.Next(fewest, fewest + 3); n > 0; n--)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    ReplaceValue(random, bytes);
                    break;
                case 2:
                    bytes.InsertRange(random.Next(bytes.Count + 1), HostileBytes[random.Next(HostileBytes.Length)]);
                    break;
                case 3 when bytes.Count > 1:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                default:
                    var cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Replaces the value after a random ':' (up to the next ',' or '}') with a hostile JSON value.</summary>
    private static void ReplaceValue(Random random, List<byte> bytes)
    {
        var colons = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == (byte)':').ToList();
        if (colons.Count == 0)
        {
            return;
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        var inString = false;
        while (end < bytes.Count && (inString || (bytes[end] != (byte)',' && bytes[end] != (byte)'}')))
        {
            inString ^= bytes[end] == (byte)'"' && bytes[end - 1] != (byte)'\\';
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(HostileValues[random.Next(HostileValues.Length)]));
    }
}
