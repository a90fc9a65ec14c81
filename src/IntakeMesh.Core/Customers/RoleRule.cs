using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// A customer's role (domain.md §4–5): watch-listed when on the configured list (it wins: the list
/// is an operator's decision); a professional complainer when they complained about, or demanded
/// compensation on, many distinct incidents; otherwise ordinary.
/// </summary>
internal static class RoleRule
{
    public static CustomerRole For(CustomerState state, DetectionOptions options)
    {
        if (options.IsWatchListed(state.Key))
        {
            return CustomerRole.WatchListed;
        }
        if (state.IncidentsComplained >= options.ProfessionalComplaintIncidents
            || state.CompensationIncidents >= options.ProfessionalCompensationIncidents)
        {
            return CustomerRole.ProfessionalComplainer;
        }
        return CustomerRole.Ordinary;
    }
}
