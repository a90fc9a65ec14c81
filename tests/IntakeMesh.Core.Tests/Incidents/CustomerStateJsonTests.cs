using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Intake;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

public class CustomerStateJsonTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void State_RoundTripsThroughJson_AndRepeatsAndRedeliveriesStillWork()
    {
        var customer = new Customer(new CustomerState());
        customer.Accept(Of("cus-1", TimeSpan.Zero, Channel.Phone, "e1"));
        customer.Advance("Phone:e1", ComplaintStage.Handling, T0 + Hours(1));

        var restored = new Customer(JsonSerializer.Deserialize<CustomerState>(JsonSerializer.Serialize(customer.State, Json), Json)!);

        Assert.True(restored.Accept(Of("cus-1", TimeSpan.Zero, Channel.Phone, "e1")).Redelivered);
        var repeat = restored.Accept(Of("cus-1", Hours(2), Channel.Social, "e2"));
        Assert.Equal((2, "Phone:e1"), (repeat.ContactNumber, repeat.RepeatOf));
        Assert.Equal(ComplaintStage.Handling, restored.State.History[0].Stage);
    }
}
