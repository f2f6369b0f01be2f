namespace Alerts.Core.Storage;

/// <summary>The client sent a continuation token this service did not issue.</summary>
public sealed class InvalidContinuationTokenException() : Exception("The continuation token is not one this service issued.");
