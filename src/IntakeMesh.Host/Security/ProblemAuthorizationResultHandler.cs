using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Security;

/// <summary>
/// Answers a refused request with problem details saying what is missing: 401 when the caller is
/// not signed in (no credentials, or which part of them is wrong), 403 when their role is too low
/// (which role they have and which the endpoint needs).
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IOptions<SecurityOptions> security) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // Handlers cache their result per request, so this reads the failure the middleware already saw.
            var signIn = await context.AuthenticateAsync();
            var why = signIn.Failure?.Message
                ?? $"sign-in required: send an API key in the {SecuritySchemes.ApiKeyHeader} header{(security.Value.Jwt.IsConfigured ? " or a JWT as Authorization: Bearer" : "")}";
            context.Response.Headers.WWWAuthenticate = security.Value.Jwt.IsConfigured
                ? $"ApiKey header=\"{SecuritySchemes.ApiKeyHeader}\", Bearer"
                : $"ApiKey header=\"{SecuritySchemes.ApiKeyHeader}\"";
            await TypedResults.Problem(why, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(context);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var caller = Caller.From(context.User);
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<MinimumRoleRequirement>().Max(r => (Role?)r.Role);
            var has = caller.Role is null ? "no IntakeMesh role (a role claim of viewer, operator or admin)" : $"the role {caller.RoleName}";
            var why = needed is { } role
                ? $"{caller.Name} has {has}; this needs {Roles.Name(role)}{(role == Role.Admin ? "" : " or higher")}"
                : $"{caller.Name} may not do this";
            await TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
