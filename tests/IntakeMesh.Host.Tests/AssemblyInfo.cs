// Each host runs a silo, a broker and a consumer; one at a time keeps two cores from starving them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
