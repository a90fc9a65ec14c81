using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>Who a key or token signs in as, and what a refusal says when it does not.</summary>
[Collection(SecurityCollection.Name)]
public class SignInTests(SecurityFixture host)
{
    [Theory]
    [InlineData(HostFixture.AdminKey, HostFixture.AdminName, "admin")]
    [InlineData(HostFixture.OperatorKey, HostFixture.OperatorName, "operator")]
    [InlineData(HostFixture.ViewerKey, HostFixture.ViewerName, "viewer")]
    public async Task Me_ApiKey_NamesTheConfiguredKeyAndRole(string key, string name, string role)
    {
        var me = await host.Client(apiKey: key).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(name, me.GetProperty("name").GetString());
        Assert.Equal(role, me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_JwtWithSeveralRoles_TakesTheHighest()
    {
        var token = TestTokens.Create(roles: new[] { "viewer", "operator", "auditor" }, name: "li.na");

        var me = await host.Client(bearer: token).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("li.na", me.GetProperty("name").GetString());
        Assert.Equal("operator", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_JwtWithoutName_IsNamedBySubject()
    {
        var me = await host.Client(bearer: TestTokens.Create(roles: "viewer", name: null)).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("subject-of-nobody", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task NoCredentials_Is401_SayingHowToSignIn()
    {
        var (status, detail, response) = await ProblemAsync(host.Anonymous, "/api/incidents");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("X-Api-Key", detail);
        Assert.Contains("Authorization: Bearer", detail);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task UnknownApiKey_Is401_SayingTheKeyIsNotKnown()
    {
        var (status, detail, _) = await ProblemAsync(host.Client(apiKey: "not-a-key-of-this-host"), "/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("not known", detail);
    }

    [Fact]
    public async Task ApiKeyHash_IsNotAKey()
    {
        // What configuration holds must not work as a key itself.
        var (status, _, _) = await ProblemAsync(host.Client(apiKey: Host.Security.ApiKeyHash.HexOf(HostFixture.AdminKey)), "/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", "expired" },
        { "wrong-key", "signature" },
        { "wrong-issuer", "issuer" },
        { "wrong-audience", "audience" },
        { "no-expiry", "expiry" },
        { "malformed", "well-formed" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadBearerToken_Is401_SayingWhatIsWrong(string kind, string expected)
    {
        var token = kind switch
        {
            "expired" => TestTokens.Create(roles: "admin", expiresIn: TimeSpan.FromMinutes(-10)),
            "wrong-key" => TestTokens.Create(roles: "admin", signingKey: "another-signing-key-of-at-least-32-bytes!"),
            "wrong-issuer" => TestTokens.Create(roles: "admin", issuer: "https://evil.example"),
            "wrong-audience" => TestTokens.Create(roles: "admin", audience: "someone-else"),
            "no-expiry" => TestTokens.Create(roles: "admin", expires: false),
            _ => "not.a-jwt",
        };

        var (status, detail, _) = await ProblemAsync(host.Client(bearer: token), "/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task JwtWithoutAKnownRole_Is403_SayingTheRoleIsMissing()
    {
        var (status, detail, _) = await ProblemAsync(host.Client(bearer: TestTokens.Create(roles: "auditor", name: "sam")), "/api/me");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("sam has no IntakeMesh role", detail);
    }

    [Fact]
    public async Task ViewerOnOperatorEndpoint_Is403_NamingBothRoles()
    {
        var (status, detail, _) = await ProblemAsync(host.Viewer, "/api/customers/cus-nobody");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal($"{HostFixture.ViewerName} has the role viewer; this needs operator or higher", detail);
    }

    [Fact]
    public async Task OperatorOnAudit_Is403_NeedingAdmin()
    {
        var (status, detail, _) = await ProblemAsync(host.Operator, "/api/audit");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal($"{HostFixture.OperatorName} has the role operator; this needs admin", detail);
    }

    private static async Task<(HttpStatusCode Status, string Detail, HttpResponseMessage Response)> ProblemAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        return (response.StatusCode, detail, response);
    }
}
