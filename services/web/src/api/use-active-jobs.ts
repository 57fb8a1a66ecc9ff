import type { JobView } from '@llmbench/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, refreshSession } from './client';
import { readSession } from './session';

export type SocketState = 'connecting' | 'live' | 'reconnecting';
const PING_MS = 30_000; // the gateway closes a socket idle for 90 s

/**
 * The user's queued and running jobs, kept live over `/ws`: every event of the user's jobs arrives
 * there; progress events update a job in place, lifecycle events refetch the list. After a
 * reconnect the list is refetched, so nothing that happened meanwhile is missed.
 */
export function useActiveJobs(): { jobs: JobView[]; socket: SocketState; refresh: () => void } {
  const [jobs, setJobs] = useState<JobView[]>([]);
  const [socket, setSocket] = useState<SocketState>('connecting');
  const refetchTimer = useRef(0);

  const refresh = useCallback(() => {
    window.clearTimeout(refetchTimer.current);
    refetchTimer.current = window.setTimeout(() => {
      Promise.all([
        api.get<{ items: JobView[] }>('/api/jobs?status=running&limit=50'),
        api.get<{ items: JobView[] }>('/api/jobs?status=queued&limit=50'),
      ])
        .then(([running, queued]) => setJobs([...running.items, ...queued.items]))
        .catch(() => undefined);
    }, 50);
  }, []);

  useEffect(() => {
    let ws: WebSocket | undefined;
    let closed = false;
    let attempt = 0;
    let ping = 0;
    let retry = 0;
    const connect = () => {
      const token = readSession()?.access_token;
      if (!token || closed) return;
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      ws = new WebSocket(`${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`);
      ws.onopen = () => {
        attempt = 0;
        setSocket('live');
        refresh();
        ping = window.setInterval(() => ws?.send('{"type":"ping"}'), PING_MS);
      };
      ws.onmessage = (msg) => {
        const event = JSON.parse(String(msg.data)) as { type: string; job_id?: string } & Record<
          string,
          unknown
        >;
        if (event.type === 'job_progress' && event.job_id) {
          setJobs((list) =>
            list.map((j) =>
              j.id === event.job_id
                ? {
                    ...j,
                    progress_pct: Number(event.progress_pct ?? j.progress_pct),
                    progress_detail: String(event.progress_detail ?? j.progress_detail),
                    eta_s: (event.eta_s as number | null | undefined) ?? j.eta_s,
                  }
                : j,
            ),
          );
        } else if (event.type.startsWith('job_')) refresh();
      };
      ws.onclose = (e) => {
        window.clearInterval(ping);
        if (closed) return;
        setSocket('reconnecting');
        attempt += 1;
        const again = () => {
          retry = window.setTimeout(connect, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)));
        };
        // 4001: the access token expired or was revoked: rotate it first.
        if (e.code === 4001) void refreshSession().then((ok) => ok && again());
        else again();
      };
    };
    refresh();
    connect();
    return () => {
      closed = true;
      window.clearInterval(ping);
      window.clearTimeout(retry);
      ws?.close();
    };
  }, [refresh]);

  return { jobs, socket, refresh };
}
