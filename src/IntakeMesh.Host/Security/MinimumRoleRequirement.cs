using Microsoft.AspNetCore.Authorization;

namespace IntakeMesh.Host.Security;

/// <summary>The caller's role must be <see cref="Role"/> or above (roles are ordered, not a set).</summary>
public sealed class MinimumRoleRequirement(Role role) : AuthorizationHandler<MinimumRoleRequirement>, IAuthorizationRequirement
{
    public Role Role { get; } = role;

    /// <summary>The policy name <see cref="SecurityExtensions.RequireRole{TBuilder}"/> uses.</summary>
    public static string PolicyName(Role role) => $"role:{Roles.Name(role)}";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && Caller.From(context.User).Has(requirement.Role))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
