#!/bin/sh
# Runs the fleet job (or another class of the module, MAIN=...) on this machine with Spark in local
# mode, from the jar and class path `./mvnw -B -q -pl examples/fleet -am package -DskipTests` wrote.
#   examples/fleet/run-local.sh --input 'examples/samples/lab-*' --output target/fleet-out
#   MAIN=io.wgdiag.fleet.SyntheticFleet examples/fleet/run-local.sh LAB_DIR OUT_DIR 300
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/wgdiag-fleet.jar"
cp="$here/target/classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$cp" ]; then
  echo "run-local.sh: build first: ./mvnw -B -q -pl examples/fleet -am package -DskipTests" >&2
  exit 2
fi
# Spark reaches into the JDK: on JDK 17 these packages must be opened (docs/fleet.md)
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
# shellcheck disable=SC2086
exec java $opens ${FLEET_JAVA_OPTS:--Xmx2g} -cp "$jar:$(cat "$cp")" "${MAIN:-io.wgdiag.fleet.FleetJob}" "$@"
