using System.Reflection;

namespace Alerts.Testing;

/// <summary>Which namespaces of an assembly use which (<see cref="TypeReferences"/>), and the cycles among them.</summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> edges = new(StringComparer.Ordinal);

    public NamespaceGraph(Assembly assembly, string prefix)
    {
        foreach (var type in assembly.GetTypes().Where(t => !t.IsNested && t.Namespace is { } ns && ns.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var from = type.Namespace!;
            var uses = edges.TryGetValue(from, out var e) ? e : edges[from] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var used in TypeReferences.Of(type))
            {
                if (used.Namespace is { } to && to != from && to.StartsWith(prefix, StringComparison.Ordinal) && used.Assembly == assembly)
                {
                    uses.TryAdd(to, $"{type.Name} uses {used.Name}");
                }
            }
        }
    }

    public IReadOnlyCollection<string> Namespaces => edges.Keys;

    /// <summary>Why <paramref name="from"/> uses <paramref name="to"/> (one example), or null when it does not.</summary>
    public string? Why(string from, string to) => edges.GetValueOrDefault(from)?.GetValueOrDefault(to);

    /// <summary>Groups of namespaces that use one another in a circle (Tarjan's strongly connected components of two or more).</summary>
    public List<List<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }

        foreach (var v in edges.Keys.ToList())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return cycles;
    }
}
