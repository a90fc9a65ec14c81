namespace IntakeMesh.Contracts.Alerts;

/// <summary>Who started an incident: a pseudonymous customer key, never a raw identifier.</summary>
/// <param name="CustomerKey">The keyed hash IntakeMesh uses for the customer (<c>cus-…</c>).</param>
/// <param name="Channel">Where the starter complained first: phone, email, social or regulator.</param>
public sealed record AlertStarter(string CustomerKey, string Channel);
