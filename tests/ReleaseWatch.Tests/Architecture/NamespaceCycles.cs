namespace ReleaseWatch.Tests.Architecture;

/// <summary>Groups type references into folders and finds the folders that reach each other (strongly connected components).</summary>
internal static class NamespaceCycles
{
    /// <summary>One line per cycle: "A -> B -> A", then for each hop one type reference that makes it.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<(string From, string To)> typeEdges, Func<string, string> folderOf)
    {
        var examples = new Dictionary<(string, string), string>();
        foreach (var (from, to) in typeEdges)
        {
            var hop = (folderOf(from), folderOf(to));
            if (hop.Item1 != hop.Item2)
            {
                examples.TryAdd(hop, $"{from} -> {to}");
            }
        }

        var next = examples.Keys.GroupBy(k => k.Item1).ToDictionary(g => g.Key, g => g.Select(k => k.Item2).Order(StringComparer.Ordinal).ToList());
        return [.. Components(next).Where(c => c.Count > 1).Select(c => Describe(c, next, examples))];
    }

    private static string Describe(IReadOnlyCollection<string> component, Dictionary<string, List<string>> next, Dictionary<(string, string), string> examples)
    {
        // The shortest way from the component's first folder back to itself, inside the component.
        var start = component.Order(StringComparer.Ordinal).First();
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        string? last = null;
        while (queue.Count > 0 && last is null)
        {
            var at = queue.Dequeue();
            foreach (var to in next.GetValueOrDefault(at) ?? [])
            {
                if (to == start)
                {
                    last = at;
                    break;
                }

                if (component.Contains(to) && previous.TryAdd(to, at))
                {
                    queue.Enqueue(to);
                }
            }
        }

        var path = new List<string> { start };
        for (var at = last!; at != start; at = previous[at])
        {
            path.Insert(1, at);
        }

        path.Add(start);
        var hops = path.Zip(path.Skip(1)).Select(h => "    " + examples[(h.First, h.Second)]);
        return string.Join(" -> ", path) + $" (all of: {string.Join(", ", component.Order(StringComparer.Ordinal))})\n" + string.Join("\n", hops);
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<HashSet<string>> Components(Dictionary<string, List<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<HashSet<string>>();
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal);

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                result.Add(component);
            }
        }

        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return result;
    }
}
