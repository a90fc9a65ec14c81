using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// Every endpoint against every caller: no credentials, and each role signed in by API key and by
/// JWT. A caller below an endpoint's role gets 403, one without credentials 401, the rest the
/// endpoint's own answer (404 for the unknown ids used here proves the request got through).
/// </summary>
[Collection(SecurityCollection.Name)]
public class RoleTableTests(SecurityFixture host)
{
    private const string Anonymous = "anonymous";
    private const string UnknownIncident = "/api/incidents/inc-000000000000-1";

    /// <summary>Route (method and pattern as the host maps it), a request to it, the least role it needs, and its answer when allowed.</summary>
    public static readonly (string Route, string Method, string Path, string? Body, string Minimum, HttpStatusCode Allowed)[] Endpoints =
    [
        ("GET /api/system", "GET", "/api/system", null, "viewer", HttpStatusCode.OK),
        ("GET /api/me", "GET", "/api/me", null, "viewer", HttpStatusCode.OK),
        ("GET /api/incidents/", "GET", "/api/incidents", null, "viewer", HttpStatusCode.OK),
        ("GET /api/incidents/{id}", "GET", UnknownIncident, null, "viewer", HttpStatusCode.NotFound),
        ("POST /api/incidents/{id}/acknowledge", "POST", $"{UnknownIncident}/acknowledge", """{"note":"on it"}""", "operator", HttpStatusCode.NotFound),
        ("POST /api/incidents/{id}/resolve", "POST", $"{UnknownIncident}/resolve", """{"note":"fixed"}""", "operator", HttpStatusCode.NotFound),
        ("POST /api/incidents/{id}/merge", "POST", $"{UnknownIncident}/merge", """{"into":"inc-000000000000-2","note":"same fault"}""", "operator", HttpStatusCode.NotFound),
        ("POST /api/incidents/{id}/deadlines/exceptional", "POST", $"{UnknownIncident}/deadlines/exceptional", """{"case":"c-1","note":"more time needed"}""", "operator", HttpStatusCode.NotFound),
        ("POST /api/incidents/{id}/split", "POST", $"{UnknownIncident}/split", """{"customers":["cus-x"],"note":"other batch"}""", "operator", HttpStatusCode.NotFound),
        ("GET /api/customers/{key}", "GET", "/api/customers/cus-nobody", null, "operator", HttpStatusCode.NotFound),
        ("POST /api/customers/{key}/complaints/{complaintId}/advance", "POST", "/api/customers/cus-nobody/complaints/Phone:x/advance", """{"stage":"Handling"}""", "operator", HttpStatusCode.NotFound),
        ("POST /api/customers/{key}/reveal", "POST", "/api/customers/cus-nobody/reveal", """{"reason":"regulator asked for the caller's number"}""", "admin", HttpStatusCode.NotFound),
        ("POST /api/customers/{key}/unlink", "POST", "/api/customers/cus-nobody/unlink", """{"identifier":"cus-other","reason":"shared family phone"}""", "operator", HttpStatusCode.NotFound),
        ("POST /api/customers/{key}/link", "POST", "/api/customers/cus-nobody/link", """{"identifier":"cus-other","reason":"same person"}""", "operator", HttpStatusCode.NotFound),
        ("GET /api/complaints/{id}/explain", "GET", "/api/complaints/phone:nobody/explain", null, "operator", HttpStatusCode.NotFound),
        ("GET /api/audit", "GET", "/api/audit", null, "admin", HttpStatusCode.OK),
        ("GET /api/board/", "GET", "/api/board", null, "viewer", HttpStatusCode.OK),
        ("GET /api/board/stream", "GET", "/api/board/stream", null, "viewer", HttpStatusCode.OK),
        ("GET /api/board/incidents/{id}", "GET", "/api/board/incidents/inc-000000000000-1", null, "viewer", HttpStatusCode.NotFound),
        ("GET /healthz", "GET", "/healthz", null, Anonymous, HttpStatusCode.OK),
        ("GET /alive", "GET", "/alive", null, Anonymous, HttpStatusCode.OK),
        ("* /metrics", "GET", "/metrics", null, Anonymous, HttpStatusCode.OK),
    ];

    private static readonly string[] Callers = [Anonymous, "viewer-key", "operator-key", "admin-key", "viewer-jwt", "operator-jwt", "admin-jwt"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var caller in Callers)
            {
                data.Add(endpoint.Route, caller);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_Caller_AnswersByRole(string route, string caller)
    {
        // Arrange
        var endpoint = Endpoints.Single(e => e.Route == route);
        var role = caller.Split('-')[0];
        var expected = endpoint.Minimum == Anonymous ? endpoint.Allowed
            : caller == Anonymous ? HttpStatusCode.Unauthorized
            : Rank(role) >= Rank(endpoint.Minimum) ? endpoint.Allowed
            : HttpStatusCode.Forbidden;
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (endpoint.Body is not null)
        {
            request.Content = new StringContent(endpoint.Body, Encoding.UTF8, "application/json");
        }

        // Act: headers only, since a stream's body never ends.
        using var response = await ClientFor(caller).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        // Assert
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        var body = refused || response.StatusCode != endpoint.Allowed ? await response.Content.ReadAsStringAsync() : "";
        Assert.True(expected == response.StatusCode, $"{caller} {endpoint.Method} {endpoint.Path}: expected {expected}, got {response.StatusCode}: {body}");
        if (refused)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"detail\":", body);
        }
    }

    [Fact]
    public void EveryEndpoint_DeclaresItsAccess_AndIsInTheTable()
    {
        var endpoints = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var route = Route(endpoint);
            var metadata = endpoint.Metadata;
            Assert.True(metadata.GetMetadata<IAllowAnonymous>() is not null || metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0,
                $"{route} neither needs a role nor is marked anonymous");
            Assert.True(Endpoints.Any(e => e.Route == route), $"{route} is missing from {nameof(RoleTableTests)}.{nameof(Endpoints)}");
        }
    }

    private static string Route(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        return $"{(methods is { Count: > 0 } ? string.Join(',', methods) : "*")} {endpoint.RoutePattern.RawText}";
    }

    private static int Rank(string role) => role switch
    {
        "viewer" => 1,
        "operator" => 2,
        "admin" => 3,
        _ => 0,
    };

    private HttpClient ClientFor(string caller) => caller switch
    {
        Anonymous => host.Anonymous,
        "viewer-key" => host.Viewer,
        "operator-key" => host.Operator,
        "admin-key" => host.Http,
        _ => host.Client(bearer: TestTokens.Create(roles: caller.Split('-')[0], name: $"jwt-{caller}")),
    };
}
