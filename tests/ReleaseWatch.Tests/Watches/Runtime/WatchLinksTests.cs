using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Tests.Watches.Runtime;

public sealed class WatchLinksTests
{
    [Theory]
    [InlineData("https://rw.example.com", "https://rw.example.com/watches/w1")]
    [InlineData("https://rw.example.com/", "https://rw.example.com/watches/w1")]
    [InlineData("https://example.com/releasewatch", "https://example.com/releasewatch/watches/w1")]
    public void Page_links_the_dashboard_page_under_the_public_base_url(string baseUrl, string page) =>
        Assert.Equal(page, WatchLinks.Page(new Uri(baseUrl), "w1").AbsoluteUri);

    [Fact]
    public void Record_links_the_json_api() =>
        Assert.Equal("https://rw.example.com/api/watches/w1", WatchLinks.Record(new Uri("https://rw.example.com"), "w1").AbsoluteUri);
}
