import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts Amazon's DynamoDB Local bound to 127.0.0.1 only (its own launcher binds 0.0.0.0 and has
 * no host option), and exits when its standard input closes, so a parent that dies, even by
 * SIGKILL, never leaves an orphan JVM behind.
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Drain; the parent writes nothing.
        }
      } catch (Exception ignored) {
        // Treat a broken pipe like end of input.
      }
      System.exit(0);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    proxy.start();
    System.out.println("LoopbackDynamoDBLocal ready on 127.0.0.1:" + server.getURI().getPort());
  }
}
