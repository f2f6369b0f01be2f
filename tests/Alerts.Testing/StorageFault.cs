namespace Alerts.Testing;

/// <summary>What <see cref="StorageFaultProxy"/> does to a request a <see cref="StorageFaultRule"/> picks.</summary>
public enum StorageFault
{
    /// <summary>Answers 503 Server Busy without forwarding: the request never reached storage.</summary>
    FailBefore,

    /// <summary>Forwards it, lets storage act on it, then answers 500: the client cannot know it happened.</summary>
    FailAfter,

    /// <summary>Forwards it, lets storage act on it, then drops the connection: the response is lost.</summary>
    ResetAfter,

    /// <summary>Drops the connection before forwarding.</summary>
    Reset,

    /// <summary>Holds the request <see cref="StorageFaultRule.Delay"/>, then forwards it.</summary>
    Latency,

    /// <summary>Never answers (until the client gives up or the proxy stops).</summary>
    Stall,
}
