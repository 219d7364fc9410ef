package io.wgdiag.parsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Maps a command line to the tool id of its output: {@code sudo ip -s -s link show eth0} is
 * {@code ip-link-stats}, {@code ethtool -k eth0 | egrep 'gro|gso'} is a filtered {@code
 * ethtool-features}.
 *
 * <p>It understands {@code sudo}, {@code env}, {@code timeout}, {@code LC_ALL=C}-style
 * assignments, absolute program paths and pipes; it never runs anything.
 */
final class CommandDetector {
  private CommandDetector() {}

  static Optional<Detection> detect(String commandLine) {
    String line = commandLine.strip();
    int pipe = indexOfPipe(line);
    boolean filtered = pipe >= 0;
    String first = filtered ? line.substring(0, pipe) : line;
    List<String> words = words(first);
    int i = 0;
    while (i < words.size()) {
      String w = words.get(i);
      if (w.equals("sudo") || w.equals("env") || w.equals("command") || w.equals("exec")
          || w.equals("nice") || w.equals("stdbuf")) {
        i++;
        while (i < words.size() && words.get(i).startsWith("-")) {
          i++;
        }
      } else if (w.equals("timeout")) {
        i++;
        while (i < words.size() && words.get(i).startsWith("-")) {
          i++;
        }
        i++; // the duration
      } else if (w.equals("ip") && i + 3 < words.size() && words.get(i + 1).equals("netns")
          && words.get(i + 2).equals("exec")) {
        i += 4; // ip netns exec NAME CMD: CMD's output, run in a network namespace
      } else if (w.equals("nsenter")) {
        // nsenter -t PID -n CMD: the options, then CMD (-t, -S and -G take a value)
        i++;
        while (i < words.size() && words.get(i).startsWith("-")) {
          String o = words.get(i++);
          if (o.equals("-t") || o.equals("--target") || o.equals("-S") || o.equals("--setuid") || o.equals("-G")
              || o.equals("--setgid")) {
            i++;
          }
        }
      } else if (w.indexOf('=') > 0 && !w.startsWith("-")) {
        i++; // VAR=value
      } else {
        break;
      }
    }
    if (i >= words.size()) {
      return Optional.empty();
    }
    String program = words.get(i);
    program = program.substring(program.lastIndexOf('/') + 1);
    List<String> args = words.subList(i + 1, words.size());
    // grep, head and tail select lines of the file they read, like a pipe does
    boolean selects = filtered || program.endsWith("grep") || program.equals("head") || program.equals("tail");
    return Optional.ofNullable(toolFor(program, args))
        .map(t -> new Detection(t.id, selects, Optional.ofNullable(t.qualifier)));
  }

  private record Hit(String id, @Nullable String qualifier) {}

  private static Hit hit(String id) {
    return new Hit(id, null);
  }

  /** The tool, about operand {@code index} if there is one there (a negative index: none). */
  private static Hit hit(String id, List<String> operands, int index) {
    return new Hit(id, index >= 0 && index < operands.size() ? operands.get(index) : null);
  }

  private static @Nullable Hit toolFor(String program, List<String> args) {
    List<String> operands = new ArrayList<>();
    for (String a : args) {
      if (!a.startsWith("-")) {
        operands.add(a);
      }
    }
    if (isChange(program, args, operands)) {
      return hit("change");
    }
    switch (program) {
      case "wg":
        if (operands.contains("dump")) {
          return hit("wg-show-dump", operands, 1);
        }
        if (operands.isEmpty() || operands.get(0).equals("show")) {
          // `wg show wg0 transfer`, `wg show all private-key`, `wg show interfaces`: one field in its
          // own layout, which no parser reads (and private-key and preshared-keys print secrets)
          if (operands.size() > 2 || (operands.size() == 2 && operands.get(1).equals("interfaces"))) {
            return null;
          }
          return hit("wg-show", operands, 1);
        }
        return null;
      case "ip":
        return ip(args);
      case "ping":
      case "ping6":
        return hit("ping", operands, operands.size() - 1);
      case "busybox":
        if (!operands.isEmpty() && operands.get(0).equals("ping")) {
          return hit("ping", operands, operands.size() > 1 ? operands.size() - 1 : -1); // not "ping" itself
        }
        if (!operands.isEmpty() && (operands.get(0).equals("route") || operands.get(0).equals("ifconfig"))) {
          return toolFor(operands.get(0), args.subList(1, args.size()));
        }
        return null;
      case "watch": {
        // watch [-n SECS] [-d] CMD...: the output is CMD's, under watch's header (the transcript
        // reader takes the header off)
        int k = 0;
        while (k < args.size() && args.get(k).startsWith("-")) {
          String o = args.get(k);
          k += (o.equals("-n") || o.equals("--interval") || o.equals("-q") || o.equals("--equexit")) ? 2 : 1;
        }
        if (k >= args.size()) {
          return null;
        }
        return detect(String.join(" ", args.subList(k, args.size())))
            .map(d -> new Hit(d.toolId(), d.qualifier().orElse(null)))
            .orElse(null);
      }
      case "route":
        // route [-n] [-e|-ee] [-A inet6] [-C]: the table; 'route add/del ...' changes it
        if (operands.contains("add") || operands.contains("del") || operands.contains("flush")) {
          return hit("change");
        }
        return hit("route");
      case "ifconfig":
        // ifconfig [-a] [IFACE]; 'ifconfig eth0 mtu 1400' or 'up' changes it
        if (operands.size() > 1) {
          return hit("change");
        }
        return hit("ifconfig", operands, 0);
      case "sysctl":
        return hit("sysctl");
      case "ss":
        return hit("ss-tcp-info");
      case "iperf3":
        return hit(args.contains("-J") || args.contains("--json") ? "iperf3-json" : "iperf3");
      case "mpstat":
        return hit("mpstat");
      case "top":
        return hit("top");
      case "netstat":
        for (String a : args) {
          if (a.equals("--route") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('r') > 0)) {
            return hit("route"); // netstat -r, -rn, -nr: the routing table as route prints it
          }
        }
        return hit("netstat-stats");
      case "nstat":
        return hit("nstat");
      case "tc":
        if (!operands.contains("qdisc")) {
          return null;
        }
        int dev = operands.indexOf("dev");
        return hit("tc-qdisc", operands, dev < 0 ? -1 : dev + 1); // without "dev", every device
      case "conntrack":
        return hit("conntrack-stats");
      case "ethtool":
        // -k (--show-features, --show-offload) prints the feature list and -K (--features,
        // --offload) what it could not change; -i, -S, -g and a bare 'ethtool eth0' print other
        // things no parser reads
        for (String a : args) {
          if (a.equals("-k") || a.equals("--show-features") || a.equals("--show-offload")
              || a.equals("-K") || a.equals("--features") || a.equals("--offload")) {
            return hit("ethtool-features", operands, 0);
          }
        }
        return null;
      case "iptables":
      case "ip6tables":
      case "iptables-save":
      case "ip6tables-save":
      case "iptables-legacy":
      case "iptables-nft":
      case "iptables-legacy-save":
      case "iptables-nft-save":
        return hit("iptables-rules");
      case "nft":
        return hit("nft-ruleset");
      case "tcpdump":
        return hit("tcpdump");
      case "tracepath":
      case "tracepath6":
        return hit("tracepath", operands, operands.size() - 1);
      case "cat":
      case "head":
      case "tail":
      case "less":
      case "more":
      case "grep":
      case "egrep":
      case "fgrep":
        return operands.isEmpty() ? null : procFile(operands.get(operands.size() - 1));
      default:
        return null;
    }
  }

  /** Commands that change state and print nothing on success. */
  private static boolean isChange(String program, List<String> args, List<String> operands) {
    switch (program) {
      case "ip":
      case "tc":
        for (String w : operands) {
          if (CHANGE_VERBS.contains(w)) {
            return true;
          }
          if (w.equals("get") || w.equals("show") || w.equals("list") || w.equals("ls")) {
            return false;
          }
        }
        return false;
      case "iptables":
      case "ip6tables":
      case "iptables-legacy":
      case "iptables-nft":
        for (String a : args) {
          if (a.equals("-A") || a.equals("-I") || a.equals("-D") || a.equals("-R") || a.equals("-N")
              || a.equals("-F") || a.equals("-X") || a.equals("-P") || a.equals("-Z")
              || a.startsWith("--append") || a.startsWith("--insert") || a.startsWith("--delete")) {
            return true;
          }
        }
        return false;
      case "nft":
        return !operands.isEmpty() && !operands.get(0).equals("list");
      case "wg":
        return !operands.isEmpty() && (operands.get(0).equals("set") || operands.get(0).equals("setconf")
            || operands.get(0).equals("addconf") || operands.get(0).equals("syncconf"));
      case "wg-quick":
      case "modprobe":
        return true;
      default:
        return false;
    }
  }

  private static final java.util.Set<String> CHANGE_VERBS =
      java.util.Set.of("set", "add", "del", "delete", "replace", "change", "flush", "append", "prepend");

  private static @Nullable Hit procFile(String path) {
    switch (path) {
      case "/proc/interrupts":
        return hit("proc-interrupts");
      case "/proc/net/softnet_stat":
        return hit("proc-softnet-stat");
      case "/proc/net/snmp":
      case "/proc/net/netstat":
      case "/proc/net/snmp6":
        return hit("proc-net-snmp");
      case "/proc/sys/net/netfilter/nf_conntrack_count":
      case "/proc/sys/net/netfilter/nf_conntrack_max":
        return hit("conntrack-stats");
      default:
        return null;
    }
  }

  /** The {@code ip} objects: each abbreviation iproute2 accepts for the ones we read. */
  private static @Nullable Hit ip(List<String> args) {
    int stats = 0;
    int k = 0;
    while (k < args.size() && args.get(k).startsWith("-")) {
      String opt = args.get(k);
      if (opt.equals("-s") || opt.equals("-stats") || opt.equals("-statistics")) {
        stats++;
      } else if (opt.matches("-s+")) {
        stats += opt.length() - 1;
      } else if (opt.equals("-n") || opt.equals("-netns") || opt.equals("-b") || opt.equals("-rc")) {
        k++; // option argument
      }
      k++;
    }
    if (k >= args.size()) {
      return null;
    }
    String object = args.get(k).toLowerCase(Locale.ROOT);
    List<String> rest = args.subList(k + 1, args.size());
    String verb = rest.isEmpty() ? "show" : rest.get(0);
    if (isAbbrev(object, "route", 1) || object.equals("ro") || object.equals("r")) {
      if (verb.equals("get") || isAbbrev(verb, "get", 1)) {
        return new Hit("ip-route-get", rest.size() > 1 ? lastOperand(rest.subList(1, rest.size())) : null);
      }
      return hit("ip-route");
    }
    if (isAbbrev(object, "rule", 2)) {
      return hit("ip-rule");
    }
    if (isAbbrev(object, "link", 1)) {
      @Nullable String dev = null;
      for (int j = 0; j < rest.size(); j++) {
        String w = rest.get(j);
        if (w.equals("dev") && j + 1 < rest.size()) {
          dev = rest.get(j + 1);
        } else if (j > 0 && !w.startsWith("-") && !isVerb(w) && dev == null) {
          dev = w;
        }
      }
      return new Hit(stats > 0 ? "ip-link-stats" : "ip-link", dev);
    }
    return null;
  }

  private static boolean isVerb(String w) {
    return w.equals("show") || w.equals("list") || w.equals("lst") || w.equals("ls") || w.equals("up");
  }

  private static @Nullable String lastOperand(List<String> words) {
    return words.isEmpty() ? null : words.get(0);
  }

  private static boolean isAbbrev(String word, String full, int minLength) {
    return word.length() >= minLength && full.startsWith(word);
  }

  private static int indexOfPipe(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '|' && (i + 1 >= line.length() || line.charAt(i + 1) != '|')) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          cur.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        in = true;
      } else if (Character.isWhitespace(ch)) {
        if (in) {
          out.add(cur.toString());
          cur.setLength(0);
          in = false;
        }
      } else if (ch == '>' || ch == '<' || ch == ';' || ch == '&') {
        break; // redirections and command lists end the command we read
      } else {
        cur.append(ch);
        in = true;
      }
    }
    if (in) {
      out.add(cur.toString());
    }
    return out;
  }
}
