using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Tests.Incidents;

public class IncidentKeysTests
{
    [Fact]
    public void FromSubject_PrefersSkuThenBatchThenProductThenStore()
    {
        Assert.Equal("brand:aurora|sku:ax7-bat", IncidentKeys.FromSubject(new ComplaintSubject("Aurora", "AX-7", "AX7-BAT", "B1", null, "S1", null)));
        Assert.Equal("brand:aurora|batch:b1", IncidentKeys.FromSubject(new ComplaintSubject("Aurora", "AX-7", null, "B1", null, "S1", null)));
        Assert.Equal("brand:aurora|product:ax-7 e-bike", IncidentKeys.FromSubject(new ComplaintSubject(" AURORA ", "AX-7   e-bike", null, null, null, "S1", null)));
        Assert.Equal("brand:aurora|store:s1", IncidentKeys.FromSubject(new ComplaintSubject("Aurora", null, null, null, "o1", "S1", null)));
    }

    [Fact]
    public void FromSubject_NothingSpecific_IsNull() =>
        Assert.Null(IncidentKeys.FromSubject(new ComplaintSubject("Aurora", null, null, null, "o1", null, "east")));

    [Fact]
    public void IncidentId_IsStablePerKeyAndWave()
    {
        Assert.Equal(IncidentKeys.IncidentId("k", 1), IncidentKeys.IncidentId("k", 1));
        Assert.NotEqual(IncidentKeys.IncidentId("k", 1), IncidentKeys.IncidentId("k", 2));
        Assert.Matches("^inc-[0-9a-f]{12}-1$", IncidentKeys.IncidentId("k", 1));
    }
}
