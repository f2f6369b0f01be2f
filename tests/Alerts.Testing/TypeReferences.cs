using System.Reflection;
using System.Reflection.Emit;

namespace Alerts.Testing;

/// <summary>
/// The types a type uses: in its signatures (base type, interfaces, fields, properties, methods, generic arguments) and in
/// its method bodies (every type, method and field token in the IL), its nested types (lambdas, state machines) included.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            if (t.IsGenericParameter)
            {
                return;
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }

                t = t.GetGenericTypeDefinition();
            }

            found.Add(t);
        }

        foreach (var t in Nested(type))
        {
            Add(t.BaseType);
            foreach (var i in t.GetInterfaces())
            {
                Add(i);
            }

            foreach (var field in t.GetFields(Declared))
            {
                Add(field.FieldType);
            }

            foreach (var property in t.GetProperties(Declared))
            {
                Add(property.PropertyType);
            }

            foreach (var method in t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            {
                if (method is MethodInfo m)
                {
                    Add(m.ReturnType);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Add(parameter.ParameterType);
                }

                foreach (var used in InBody(method))
                {
                    Add(used);
                }
            }
        }

        return found;
    }

    private static IEnumerable<Type> Nested(Type type) => type.GetNestedTypes(Declared).SelectMany(Nested).Prepend(type);

    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    var member = Resolve(method.Module, token, typeArguments, methodArguments);
                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            yield return m.DeclaringType!;
                            foreach (var argument in m.IsGenericMethod ? m.GetGenericArguments() : [])
                            {
                                yield return argument;
                            }

                            break;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
