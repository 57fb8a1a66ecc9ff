import http from 'node:http';

/**
 * True when a Docker engine answers `/_ping` on DOCKER_HOST or the default socket within a
 * second. Only then do the fixtures use testcontainers; otherwise they use the services
 * named by DATABASE_URL / REDIS_URL.
 */
export async function dockerAvailable(): Promise<boolean> {
  if (process.env.TESTCONTAINERS === '0') return false;
  const host = process.env.DOCKER_HOST;
  const options: http.RequestOptions = host?.startsWith('tcp://')
    ? {
        host: new URL(host.replace('tcp://', 'http://')).hostname,
        port: Number(new URL(host.replace('tcp://', 'http://')).port || 2375),
      }
    : { socketPath: host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock' };
  return new Promise((resolve) => {
    const req = http.request({ ...options, path: '/_ping', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
