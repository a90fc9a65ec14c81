using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Security;

/// <summary>
/// Signs in a caller by the key in <c>X-Api-Key</c>. Also the scheme a request without usable
/// credentials lands on, so its failure says what was missing or wrong.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IOptions<SecurityOptions> security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(SecuritySchemes.ApiKeyHeader, out var values))
        {
            // Bearer requests reach this scheme only when no JWT sign-in is configured.
            return Task.FromResult(Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !security.Value.Jwt.IsConfigured
                ? AuthenticateResult.Fail("bearer tokens are not accepted here: this host has no Security:Jwt configured; send an API key in X-Api-Key")
                : AuthenticateResult.NoResult());
        }
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail("the X-Api-Key header must hold exactly one key"));
        }
        if (keys.Find(values[0]!.Trim()) is not { } caller)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API key in X-Api-Key is not known to this host"));
        }
        Claim[] claims = [new(SecurityClaims.Name, caller.Name), new(SecurityClaims.Role, caller.RoleName)];
        var identity = new ClaimsIdentity(claims, SecuritySchemes.ApiKey, SecurityClaims.Name, SecurityClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SecuritySchemes.ApiKey)));
    }
}
