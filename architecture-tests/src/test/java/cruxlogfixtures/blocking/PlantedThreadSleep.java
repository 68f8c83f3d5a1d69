package cruxlogfixtures.blocking;

public class PlantedThreadSleep {
    void run() throws InterruptedException {
        Thread.sleep(10);
    }
}
