// Each class starts a host (silo, broker, consumer) and a browser; one at a time keeps two cores from starving them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
