using System.ComponentModel.DataAnnotations;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Grains;
using Orleans.Configuration;
using Orleans.Serialization;

namespace IntakeMesh.Host.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>One Orleans silo in this process: localhost clustering and in-memory grain storage.</summary>
    public static WebApplicationBuilder AddIntakeMeshSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        Validator.ValidateObject(silo, new ValidationContext(silo), validateAllProperties: true);

        builder.Services.AddOptions<DetectionOptions>().BindConfiguration("Detection").ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleans(orleans =>
        {
            orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            orleans.AddMemoryGrainStorage(StorageNames.State);
            orleans.Services.AddSerializer(serializer => serializer.AddIntakeMeshSerializers());
            orleans.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
        });
        return builder;
    }
}
