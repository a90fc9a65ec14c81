using System.Diagnostics.Metrics;

namespace IntakeMesh.Grains;

/// <summary>The incident grains' own metrics (meter "IntakeMesh", as ingestion's).</summary>
public sealed class IncidentInstruments(IMeterFactory meters)
{
    private readonly Counter<long> _slaBreaches = meters.Create("IntakeMesh")
        .CreateCounter<long>("intakemesh.sla.breaches", description: "First-response deadlines that passed without acknowledgement.");

    public void SlaBreached(string tier) => _slaBreaches.Add(1, new KeyValuePair<string, object?>("tier", tier));
}
