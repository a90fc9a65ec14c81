using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// One contact of a complaint as the customer judged it, so that a redelivered event gets the
/// same verdict again (a retried batch must reach the incident as it was first judged).
/// </summary>
public sealed record ContactEntry(string DedupId, int Number, ContactEscalation Escalation, Channel? EscalatedFrom);
