using Microsoft.AspNetCore.Http;

namespace ReleaseWatch.Hosting;

public static class ResultExtensions
{
    public static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);
}
