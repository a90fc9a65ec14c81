using System.Security.Claims;
using IntakeMesh.Host.Security;

namespace IntakeMesh.Host.Apis;

public static class MeApi
{
    /// <summary>GET /api/me: who the credentials sign in as, and with which role; any role may ask.</summary>
    public static RouteHandlerBuilder MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", (ClaimsPrincipal user) =>
        {
            var caller = Caller.From(user);
            return TypedResults.Ok(new Me(caller.Name, caller.RoleName));
        })
        .RequireRole(Role.Viewer);

    public sealed record Me(string Name, string Role);
}
