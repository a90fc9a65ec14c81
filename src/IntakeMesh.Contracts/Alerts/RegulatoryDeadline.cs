namespace IntakeMesh.Contracts.Alerts;

/// <summary>One regulatory deadline of one complaint or case: whose it is, under which rule and stage, and when it falls.</summary>
/// <param name="CaseReference">The regulator's case reference, or the complaint's id when it has none.</param>
/// <param name="Rule">The rule that set it (e.g. <c>cn-samr</c>, <c>uk-fca-disp</c>, <c>us-cfpb</c>), or <c>record</c> for the record's own due date.</param>
/// <param name="Stage">The stage of the procedure (e.g. <c>acceptance</c>, <c>final</c>).</param>
/// <param name="DueAt">When the stage is due.</param>
public sealed record RegulatoryDeadline(string CaseReference, string Rule, string Stage, DateTimeOffset DueAt);
