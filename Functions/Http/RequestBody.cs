
namespace ReleaseWatch.Functions.Http;

/// <summary>Reads a raw body up to a limit (the signature is over the exact bytes, so they are kept as sent).</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>True when the Content-Type's media type is one of <paramref name="mediaTypes"/> (parameters such as charset allowed).</summary>
    public static bool HasMediaType(HttpRequest request, params string[] mediaTypes)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var media = contentType.Split(';', 2)[0].Trim();
        return mediaTypes.Any(m => string.Equals(m, media, StringComparison.OrdinalIgnoreCase));
    }
}
