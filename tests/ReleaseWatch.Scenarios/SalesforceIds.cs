namespace ReleaseWatch.Scenarios;

/// <summary>
/// Salesforce record ids as the org hands them out: a 3-character key prefix (00D org, 005 user, 006
/// opportunity, 707 async job), then 12 base-62 characters, then the 3-character case-safe suffix.
/// </summary>
internal static class SalesforceIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Suffix = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    public static string New(Random random, string prefix)
    {
        var id = new char[15];
        prefix.CopyTo(0, id, 0, 3);
        // Pod and server digits, then a mostly-zero counter, as real ids look.
        id[3] = Base62[random.Next(10)];
        id[4] = Base62[random.Next(36)];
        for (var i = 5; i < 15; i++)
        {
            id[i] = i < 9 ? '0' : Base62[random.Next(62)];
        }

        return new string(id) + CaseSafeSuffix(id);
    }

    /// <summary>Each suffix character encodes which of five id characters are upper case.</summary>
    private static string CaseSafeSuffix(char[] id)
    {
        var suffix = new char[3];
        for (var block = 0; block < 3; block++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id[(block * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[block] = Suffix[bits];
        }

        return new string(suffix);
    }
}
