using System.Net;
using System.Text;

namespace ReleaseWatch.Tests.Intake.Input;

/// <summary>What the fuzz tests check of every answer and tell of a run: never a 5xx (naming the body that caused it), and the tally of statuses.</summary>
internal sealed class FuzzAnswers
{
    private readonly SortedDictionary<int, int> _statuses = [];

    /// <summary>How many answers had <paramref name="status"/>.</summary>
    public int this[HttpStatusCode status] => _statuses.GetValueOrDefault((int)status);

    /// <summary>How many distinct statuses were answered: a run whose mutations never got past the first check answers one or two.</summary>
    public int Distinct => _statuses.Count;

    /// <summary>Fails on a 5xx with the request's path and the body (hex and text) that caused it; counts the status otherwise.</summary>
    public HttpStatusCode Check(HttpResponseMessage response, byte[] body)
    {
        AssertNot5xx(response, body);
        lock (_statuses)
        {
            _statuses[(int)response.StatusCode] = this[response.StatusCode] + 1;
        }

        return response.StatusCode;
    }

    public override string ToString() => string.Join(", ", _statuses.Select(s => $"{s.Key}: {s.Value}"));

    public static void AssertNot5xx(HttpResponseMessage response, byte[] body) =>
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {response.RequestMessage?.RequestUri?.AbsolutePath}: {Convert.ToHexString(body)} = {Encoding.UTF8.GetString(body)}");
}
