using System.Globalization;
using System.Text;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// Fills the parts of a message that differ per occurrence: <c>{id:006}</c> a record id with that key prefix,
/// <c>{n}</c> a number, <c>{row}</c> a row index of a bulk operation.
/// </summary>
internal static class Placeholders
{
    public static string Fill(string template, Random random)
    {
        var text = new StringBuilder();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            var token = template[(open + 1)..close];
            text.Append(token switch
            {
                "n" => random.Between(2, 999).ToString(CultureInfo.InvariantCulture),
                "row" => random.Next(200).ToString(CultureInfo.InvariantCulture),
                _ when token.StartsWith("id:", StringComparison.Ordinal) => SalesforceIds.New(random, token[3..]),
                _ => template[open..(close + 1)],
            });
            at = close + 1;
        }

        return text.ToString();
    }
}
