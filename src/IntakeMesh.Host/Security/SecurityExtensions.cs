using System.Text;
using IntakeMesh.Grains.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IntakeMesh.Host.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// Sign-in by API key (X-Api-Key) or JWT (Authorization: Bearer), one policy per role, 401/403
    /// answers as problem details, and the audit log's options. With nothing configured outside
    /// Production, an admin key is generated for the run and logged once.
    /// </summary>
    public static WebApplicationBuilder AddIntakeMeshSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Which schemes exist is decided here, from configuration as it stands at build time.
        var configured = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (!configured.HasSignIn)
        {
            // Production never gets here: ProductionSecrets refuses to start without sign-in.
            services.AddSingleton<GeneratedAdminKey>();
            services.AddHostedService<GeneratedKeyAnnouncer>();
        }
        services.AddSingleton<ApiKeyStore>();

        var authentication = services.AddAuthentication(SecuritySchemes.Default)
            .AddPolicyScheme(SecuritySchemes.Default, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                configured.Jwt.IsConfigured
                && !context.Request.Headers.ContainsKey(SecuritySchemes.ApiKeyHeader)
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? SecuritySchemes.Bearer
                    : SecuritySchemes.ApiKey)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(SecuritySchemes.ApiKey, null);
        if (configured.Jwt.IsConfigured)
        {
            authentication.AddJwtBearer(SecuritySchemes.Bearer);
            services.AddOptions<JwtBearerOptions>(SecuritySchemes.Bearer).Configure<IOptions<SecurityOptions>>(ConfigureJwt);
        }

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<Role>())
        {
            authorization.AddPolicy(MinimumRoleRequirement.PolicyName(role), p => p.RequireAuthenticatedUser().AddRequirements(new MinimumRoleRequirement(role)));
        }
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>Only callers with <paramref name="role"/> or a higher one reach these endpoints.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, Role role) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(MinimumRoleRequirement.PolicyName(role));

    private static void ConfigureJwt(JwtBearerOptions options, IOptions<SecurityOptions> security)
    {
        var jwt = security.Value.Jwt;
        // Claims as issued ("role", "name"), not mapped to the long WS-* names.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey ?? "")),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = SecurityClaims.Name,
            RoleClaimType = SecurityClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                context.Fail(BearerFailures.Describe(context.Exception));
                return Task.CompletedTask;
            },
        };
    }
}
