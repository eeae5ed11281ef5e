// These classes mostly wait (real-time air, processes starting, back-offs): several run at once, each class on its own
// data folder, ports and processes. BroadcastHub.Web.Tests keeps its in-process tests one after the other.
[assembly: Xunit.CollectionBehavior(MaxParallelThreads = 3)]
