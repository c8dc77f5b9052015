package dev.ember.examples;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.rdd.RDD;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums the requests and bytes of an Apache access log by (client IP, user, query), printing one line per
 * group: {@code (ip,user,query)\tbytes=N\tn=M}. Without a file, it reads two built-in sample lines.
 *
 * <p>Usage: {@code run-example LogQuery [FILE]}
 */
public final class LogQuery {

  static final List<String> EXAMPLE_LOGS = List.of(
      "10.10.10.10 - \"FRED\" [18/Jan/2013:17:56:07 +1100] \"GET http://images.com/2013/Generic.jpg "
          + "HTTP/1.1\" 304 315 \"http://referall.com/\" \"Mozilla/4.0 (compatible; MSIE 7.0; "
          + "Windows NT 5.1; GTB7.4; .NET CLR 2.0.50727; .NET CLR 3.0.04506.30; .NET CLR 3.0.04506.648; "
          + ".NET CLR 3.5.21022; .NET CLR 3.0.4506.2152; .NET CLR 1.0.3705; .NET CLR 1.1.4322; .NET CLR "
          + "3.5.30729; Release=ARP)\" \"UD-1\" - \"image/jpeg\" \"whatever\" 0.350 \"-\" - \"\" 265 923 934 \"\" "
          + "62.24.11.25 images.com 1358492167 - Whatup",
      "10.10.10.10 - \"FRED\" [18/Jan/2013:18:02:37 +1100] \"GET http://images.com/2013/Generic.jpg "
          + "HTTP/1.1\" 304 306 \"http:/referall.com\" \"Mozilla/4.0 (compatible; MSIE 7.0; "
          + "Windows NT 5.1; GTB7.4; .NET CLR 2.0.50727; .NET CLR 3.0.04506.30; .NET CLR 3.0.04506.648; "
          + ".NET CLR 3.5.21022; .NET CLR 3.0.4506.2152; .NET CLR 1.0.3705; .NET CLR 1.1.4322; .NET CLR "
          + "3.5.30729; Release=ARP)\" \"UD-1\" - \"image/jpeg\" \"whatever\" 0.352 \"-\" - \"\" 256 977 988 \"\" "
          + "0 73.23.2.15 images.com 1358492557 - Whatup");

  private static final Pattern APACHE_LOG = Pattern.compile(
      "^([\\d.]+) (\\S+) (\\S+) \\[([\\w\\d:/]+\\s[+\\-]\\d{4})\\] \"(.+?)\" (\\d{3}) ([\\d\\-]+) \"([^\"]+)\" "
          + "\"([^\"]+)\".*");

  private LogQuery() {}

  /** Requests and bytes of one group. */
  record Stats(int count, int numBytes) implements Serializable {
    Stats merge(Stats other) {
      return new Stats(count + other.count, numBytes + other.numBytes);
    }

    @Override
    public String toString() {
      return "bytes=" + numBytes + "\tn=" + count;
    }
  }

  static Tuple3<String, String, String> extractKey(String line) {
    Matcher m = APACHE_LOG.matcher(line);
    if (m.find()) {
      String ip = m.group(1);
      String user = m.group(3);
      String query = m.group(5);
      if (!user.equalsIgnoreCase("-")) {
        return new Tuple3<>(ip, user, query);
      }
    }
    return new Tuple3<>(null, null, null);
  }

  static Stats extractStats(String line) {
    Matcher m = APACHE_LOG.matcher(line);
    if (m.find()) {
      return new Stats(1, Integer.parseInt(m.group(7)));
    }
    return new Stats(1, 0);
  }

  public static void main(String[] args) {
    EmberConf conf = new EmberConf().setIfMissing("spark.app.name", "LogQuery")
        .setIfMissing("spark.master", "local[*]");
    try (EmberContext sc = new EmberContext(conf)) {
      RDD<String> lines = args.length > 0 ? sc.textFile(args[0]) : sc.parallelize(EXAMPLE_LOGS);
      List<Tuple2<Tuple3<String, String, String>, Stats>> counts = lines
          .mapToPair(line -> new Tuple2<>(extractKey(line), extractStats(line)))
          .reduceByKey(Stats::merge)
          .collect();
      for (Tuple2<Tuple3<String, String, String>, Stats> group : counts) {
        Tuple3<String, String, String> key = group._1();
        System.out.println("(" + key._1() + "," + key._2() + "," + key._3() + ")\t" + group._2());
      }
    }
  }
}
