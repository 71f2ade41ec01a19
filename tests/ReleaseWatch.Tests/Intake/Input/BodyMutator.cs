using System.Text;

namespace ReleaseWatch.Tests.Intake.Input;

/// <summary>
/// The fuzz tests' mutations of a valid JSON body: values replaced by hostile ones (lone surrogates, out-of-range dates,
/// wrong types, bad org ids), hostile bytes inserted (invalid UTF-8, NUL, stray quotes and brackets), bytes deleted, tails cut.
/// Deterministic for a seeded <see cref="Random"/>. <see cref="MutateForm"/> does the same to a URL-encoded form.
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

    /// <summary>Hostile form values, URL-encoded as sent: invalid UTF-8 (%ED%A0%80 is an encoded lone surrogate), NUL, blanks, out-of-range numbers, other actions.</summary>
    private static readonly string[] HostileFormValues =
    [
        "%ED%A0%80", "%C3", "%FF", "%00", "", "+++", "0", "-1", "1441", "99999999999", "1.5", "1e400", "%7B%7D", "abort", "extend", "approve-revert",
        "pause", "resume", "skip", "PAUSE", "00D000000000000ZZZ", "00d000000000000aaa", new string('x', 600), "a%0Ab", "%22%5C%22",
    ];

    private static readonly byte[][] HostileBytes = [[0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], "\\ud800"u8.ToArray(), "\""u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray()];

    /// <summary>
    /// <paramref name="fewest"/> to <paramref name="fewest"/> + 2 mutations (default one to three): a value replaced by a
    /// hostile one, hostile bytes inserted, a byte deleted, or the tail cut off.
    /// </summary>
    public static byte[] Mutate(Random random, byte[] json, int fewest = 1) => Mutate(random, json, fewest, Json);

    /// <summary>As <see cref="Mutate(Random, byte[], int)"/> for an application/x-www-form-urlencoded body: a value after '=' (up to the next '&amp;') is replaced by a hostile one.</summary>
    public static byte[] MutateForm(Random random, byte[] form, int fewest = 1) => Mutate(random, form, fewest, Form);

    private static readonly ValueShape Json = new((byte)':', [(byte)',', (byte)'}'], HostileValues);

    private static readonly ValueShape Form = new((byte)'=', [(byte)'&'], HostileFormValues);

    private static byte[] Mutate(Random random, byte[] original, int fewest, ValueShape shape)
    {
        var bytes = original.ToList();
        for (var n = random.Next(fewest, fewest + 3); n > 0; n--)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    ReplaceValue(random, bytes, shape);
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

    /// <summary>Replaces the value after a random ':' (up to the next ',' or '}'; in a form '=' up to '&amp;') with a hostile value.</summary>
    private static void ReplaceValue(Random random, List<byte> bytes, ValueShape shape)
    {
        var colons = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == shape.Assign).ToList();
        if (colons.Count == 0)
        {
            return;
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        var inString = false;
        while (end < bytes.Count && (inString || !shape.Ends.Contains(bytes[end])))
        {
            inString ^= bytes[end] == (byte)'"' && bytes[end - 1] != (byte)'\\';
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(shape.Values[random.Next(shape.Values.Length)]));
    }

    /// <summary>Where a value starts (after <paramref name="Assign"/>), what ends it, and what may replace it.</summary>
    private sealed record ValueShape(byte Assign, byte[] Ends, string[] Values);
}
