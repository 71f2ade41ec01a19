using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using ReleaseWatch.Backtest;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// Reads the back-test form (multipart): a policy (a configured name, or pasted JSON as under ReleaseWatch:Policies),
/// a recording (one the service lists, or an uploaded JSON Lines file of at most MaxRecordingBytes), and an optional
/// deployment time. Every bad input is a status (400, 413, 415) and a sentence naming the field; nothing runs.
/// </summary>
internal static class BacktestInput
{
    private const int MaxPolicyChars = 64 * 1024;

    public static async Task<(Recording? Recording, string RecordingName, Policy? Policy, DateTimeOffset? DeployedAt, int Status, string? Error)> ReadAsync(
        HttpContext context, IAntiforgery antiforgery, PolicyCatalog policies, BacktestRecordings recordings, long maxRecordingBytes, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Send the back-test as a form (multipart/form-data): policy or policyJson, recording or upload, deployedAt.");
        }

        if (context.Request.ContentLength > maxRecordingBytes + MaxPolicyChars + 16 * 1024)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than {maxRecordingBytes / 1024 / 1024} MiB (ReleaseWatch:Dashboard:MaxRecordingBytes).");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxRecordingBytes + MaxPolicyChars + 16 * 1024 }, cancellationToken);
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (InvalidDataException ex)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The upload is too large: {ex.Message}");
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary (cut off, or a boundary garbled on the way).
            return Refuse(StatusCodes.Status400BadRequest, $"The form is not complete multipart/form-data (send it again as the page does): {ex.Message}");
        }
        catch (AntiforgeryValidationException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The form's antiforgery token is missing or stale: reload the back-test page and run it again.");
        }

        var (policy, policyError) = PolicyOf(form["policy"].ToString(), form["policyJson"].ToString(), policies);
        if (policy is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, policyError!);
        }

        DateTimeOffset? deployedAt = null;
        if (form["deployedAt"].ToString() is { Length: > 0 } at)
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return Refuse(StatusCodes.Status400BadRequest, $"deployedAt: '{at}' is not a time (ISO 8601, e.g. 2026-11-20T09:50:00Z).");
            }

            deployedAt = parsed;
        }

        try
        {
            var (recording, name) = await RecordingOf(form, recordings, maxRecordingBytes, cancellationToken);
            return recording is null
                ? Refuse(StatusCodes.Status400BadRequest, name)
                : (recording, name, policy, deployedAt, StatusCodes.Status200OK, null);
        }
        catch (InvalidDataException ex)
        {
            return Refuse(StatusCodes.Status400BadRequest, "recording: " + ex.Message);
        }
        catch (RecordingTooLargeException ex)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, ex.Message);
        }
    }

    private static (Policy?, string?) PolicyOf(string name, string json, PolicyCatalog policies)
    {
        if (json.Trim() is { Length: > 0 } pasted)
        {
            if (pasted.Length > MaxPolicyChars)
            {
                return (null, $"policyJson: at most {MaxPolicyChars / 1024} KiB.");
            }

            try
            {
                var policyName = (System.Text.Json.Nodes.JsonNode.Parse(pasted) as System.Text.Json.Nodes.JsonObject)?["name"]?.GetValue<string>() is { Length: > 0 } n ? n : "pasted";
                var configuration = new ConfigurationBuilder().AddInMemoryCollection([new($"{PolicyCatalog.SectionName}:{policyName}", pasted)]).Build();
                return (PolicyCatalog.FromConfiguration(configuration).Get(policyName), null);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or InvalidPolicyException or FormatException)
            {
                return (null, $"policyJson: {ex.Message}");
            }
        }

        return string.IsNullOrEmpty(name)
            ? (null, "policy: choose a configured policy or paste one as JSON.")
            : policies.TryGet(name, out var policy) ? (policy, null) : (null, $"policy: no policy named '{name}' (known: {string.Join(", ", policies.Names.Order(StringComparer.Ordinal))}).");
    }

    private static async Task<(Recording?, string)> RecordingOf(IFormCollection form, BacktestRecordings recordings, long maxBytes, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile("upload") is { Length: > 0 } upload)
        {
            if (upload.Length > maxBytes)
            {
                throw new RecordingTooLargeException($"upload: {upload.Length} bytes; at most {maxBytes} (ReleaseWatch:Dashboard:MaxRecordingBytes).");
            }

            var name = Path.GetFileName(upload.FileName) is { Length: > 0 } file ? file : "the upload";
            using var reader = new StreamReader(upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                return (Recording.Parse(name, Lines(await reader.ReadToEndAsync(cancellationToken))), name);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"{name} is not UTF-8 text (JSON Lines in the recorder's format).");
            }
        }

        var chosen = form["recording"].ToString();
        if (string.IsNullOrEmpty(chosen))
        {
            return (null, "recording: choose a recording or upload one (JSON Lines in the recorder's format).");
        }

        if (recordings.List().FirstOrDefault(r => r.Name == chosen) is not { Path: { } path } listed)
        {
            return (null, $"recording: no recording named '{chosen}' (known: {string.Join(", ", recordings.List().Select(r => r.Name))}).");
        }

        if (new FileInfo(path).Length > maxBytes)
        {
            throw new RecordingTooLargeException($"recording: {listed.Name} holds {new FileInfo(path).Length} bytes; at most {maxBytes} (ReleaseWatch:Dashboard:MaxRecordingBytes).");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var text = new StreamReader(stream);
        return (Recording.Parse(Path.GetFileName(path), Lines(await text.ReadToEndAsync(cancellationToken))), Path.GetFileName(path));
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    private static (Recording?, string, Policy?, DateTimeOffset?, int, string?) Refuse(int status, string error) => (null, "", null, null, status, error);

    private sealed class RecordingTooLargeException(string message) : Exception(message);
}
