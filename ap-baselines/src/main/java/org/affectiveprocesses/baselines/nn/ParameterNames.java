package org.affectiveprocesses.baselines.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Readable, stable names for the parameters of a block tree: the path of child names joined by
 * dots, then the parameter's name in lower case, e.g. {@code layer0.attention.queryProjection.weight}
 * or {@code layer1.forward.l_0_h2h_weight}. DJL's numeric child prefixes ({@code 01}, {@code 02})
 * are dropped. The order is DJL's (depth-first, in the order the blocks were added), so the same
 * architecture always lists the same names in the same order.
 */
public final class ParameterNames {
    private ParameterNames() {
    }

    /**
     * The parameters of a block by readable name.
     *
     * @param block the root block
     * @return name to parameter, in DJL's order
     */
    public static Map<String, Parameter> of(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            put(out, prefix + p.getKey().toLowerCase(Locale.ROOT), p.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), prefix + childName(child.getKey()) + ".", out);
        }
    }

    private static String childName(String key) {
        int i = 0;
        while (i < key.length() && Character.isDigit(key.charAt(i))) {
            i++;
        }
        return key.substring(i);
    }

    private static void put(Map<String, Parameter> out, String name, Parameter p) {
        if (out.put(name, p) != null) {
            throw new IllegalStateException("two parameters are both named '" + name + "'");
        }
    }
}
