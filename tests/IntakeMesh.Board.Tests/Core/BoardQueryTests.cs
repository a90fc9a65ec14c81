using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Board;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Board.Tests.Core;

public class BoardQueryTests
{
    private static readonly IncidentSummary Open = BoardScaleTests.Summary(14); // T4, social, sku-00014
    private static readonly IncidentSummary Resolved = BoardScaleTests.Summary(3) with { Status = IncidentStatus.Resolved };

    [Fact]
    public void Matches_ByStatusTierChannelAndSubjectText()
    {
        Assert.True(new BoardQuery().Matches(Open));
        Assert.False(new BoardQuery().Matches(Resolved));
        Assert.True(new BoardQuery { Status = BoardStatus.Closed }.Matches(Resolved));
        Assert.True(new BoardQuery { Status = BoardStatus.All }.Matches(Resolved));
        Assert.True(new BoardQuery { Tiers = [Tier.T3, Tier.T4] }.Matches(Open));
        Assert.False(new BoardQuery { Tiers = [Tier.T2] }.Matches(Open));
        Assert.True(new BoardQuery { Channels = [Channel.Social, Channel.Phone] }.Matches(Open));
        Assert.False(new BoardQuery { Channels = [Channel.Regulator] }.Matches(Open));
        Assert.True(new BoardQuery { Text = "ACME" }.Matches(Open));
        Assert.True(new BoardQuery { Text = "sku 00014" }.Matches(Open));
        Assert.False(new BoardQuery { Text = "aurora" }.Matches(Open));
        Assert.True(new BoardQuery { IncidentId = Open.Id, Status = BoardStatus.Open }.Matches(Open));
        Assert.False(new BoardQuery { IncidentId = "inc-other" }.Matches(Open));
    }

    [Fact]
    public void Normalized_KeepsPagesInRange_AndSameQueriesShareAFingerprint()
    {
        var query = new BoardQuery { Page = -3, PageSize = 100_000, Text = "  ax7 ", Tiers = [Tier.T4, Tier.T3, Tier.T4] }.Normalized();

        Assert.Equal(1, query.Page);
        Assert.Equal(BoardQuery.MaxPageSize, query.PageSize);
        Assert.Equal("ax7", query.Text);
        Assert.Equal([Tier.T3, Tier.T4], query.Tiers);
        Assert.Equal(query.Fingerprint(), new BoardQuery { PageSize = 500, Text = "ax7", Tiers = [Tier.T3, Tier.T4] }.Normalized().Fingerprint());
    }

    [Fact]
    public void Order_OpenFirst_ThenHighestTier_ThenMostRecent()
    {
        var older = BoardScaleTests.Summary(4);
        var newer = BoardScaleTests.Summary(9);
        var lower = BoardScaleTests.Summary(8);
        var list = new[] { Resolved, lower, older, newer }.Order(BoardOrder.Instance).ToList();

        Assert.Equal([newer.Id, older.Id, lower.Id, Resolved.Id], list.Select(s => s.Id));
    }
}
