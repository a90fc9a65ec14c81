namespace IntakeMesh.Core.Incidents;

/// <summary>One link of a social chain: <paramref name="Follower"/> replied to or reposted <paramref name="Leader"/>'s post.</summary>
/// <param name="Root">The customer who started the chain the leader's post belongs to.</param>
/// <param name="Leader">The customer whose post was replied to or reposted.</param>
/// <param name="Follower">The customer who replied or reposted.</param>
/// <param name="Via">"reply" or "repost".</param>
/// <param name="At">Event time of the reply or repost.</param>
public sealed record ChainEdge(string Root, string Leader, string Follower, string Via, DateTimeOffset At);
