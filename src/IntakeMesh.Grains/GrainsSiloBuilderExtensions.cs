using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Regulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace IntakeMesh.Grains;

public static class GrainsSiloBuilderExtensions
{
    /// <summary>
    /// What every silo hosting IntakeMesh grains needs, whatever its storage: the serializers of
    /// the core's types, detection options, the grains' metrics and a clock. The alert services
    /// (<c>IAlertPublisher</c>, <c>AlertFactory</c>, <c>RenotifyPolicy</c>) come from <c>AddAlerting</c>.
    /// </summary>
    public static ISiloBuilder AddIntakeMeshGrains(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(serializer => serializer.AddIntakeMeshSerializers());
        silo.Services.AddOptions<DetectionOptions>();
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<IncidentInstruments>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<RegulationOptions>();
        silo.Services.TryAddSingleton(sp => new RegulatoryClocks(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RegulationOptions>>().Value));
        return silo;
    }

    /// <summary>In-memory grain state and reminders (one silo, nothing kept); a reactivation reads its state back through the JSON PostgreSQL gets.</summary>
    public static ISiloBuilder AddIntakeMeshMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(StorageNames.State, (_, _) => new InProcessGrainStorage(new JsonGrainStateSerializer()));
        return silo.UseInMemoryReminderService();
    }
}
