"""Ingest: uploaded files (any format `crisisdesk ingest` reads), URLs of pages and feeds, and
documents as JSON; each request starts a job on the writer thread and returns at once (202),
and `GET /api/jobs/{id}` follows its progress to its report.

Uploads are saved under their own names (made safe) in a private folder, read by the same
readers as the command line, and removed when the job ends. URLs are fetched by the ingest
downloader, which refuses private addresses on a server (CRISISDESK_SERVE__ALLOW_PRIVATE_URLS).
"""

import json
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, UploadFile

from crisisdesk.serve.http import models
from crisisdesk.serve.http.deps import ServiceDep, WriterDep
from crisisdesk.serve.http.jobs import Ingest

router = APIRouter(prefix="/api", tags=["ingest"])
UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
CHUNK = 1 << 20


@router.post("/ingest", response_model=models.Job, status_code=202)
async def ingest(
    service: WriterDep,
    files: Annotated[list[UploadFile] | None, File(description="Files to read.")] = None,
    urls: Annotated[str, Form(max_length=100_000, description="URLs, one a line.")] = "",
    published: Annotated[date | None, Form(description="Date for undated input.")] = None,
    outlet: Annotated[str | None, Form(max_length=200)] = None,
) -> dict[str, Any]:
    """Ingest uploaded files and the pages and feeds at `urls`, as a job."""
    links = url_lines(urls)
    uploads = [f for f in files or [] if f.filename or f.size]
    if not links and not uploads:
        raise HTTPException(400, "nothing to ingest: give files or URLs")
    folder = Path(tempfile.mkdtemp(prefix="crisisdesk-upload-"))
    try:
        saved = [str(await save(f, folder, n)) for n, f in enumerate(uploads)]
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    job = service.jobs.start(
        Ingest([*saved, *links], published=published, outlet=outlet, uploads=folder)
    )
    return job.to_json()


def url_lines(text: str) -> list[str]:
    """The http(s) URLs of `text`, one a line; a 400 for any other line."""
    links = [line.strip() for line in text.splitlines() if line.strip()]
    if bad := [u for u in links if not u.lower().startswith(("http://", "https://"))]:
        raise HTTPException(400, f"not an http(s) URL: {bad[0][:200]!r}")
    return links


async def save(upload: UploadFile, folder: Path, number: int) -> Path:
    """Write an upload to `folder` under its name made safe (its suffix picks the reader)."""
    name = UNSAFE_NAME.sub("_", Path(upload.filename or "").name).lstrip(".") or "upload"
    path = folder / name
    if path.exists():
        path = folder / f"{path.stem}-{number}{path.suffix}"
    with path.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            out.write(chunk)
    return path


@router.post("/ingest/documents", response_model=models.Job, status_code=202)
async def ingest_documents(batch: models.NewDocuments, service: WriterDep) -> dict[str, Any]:
    """Ingest documents given as JSON (text and, optionally, id, title, url, outlet,
    published), as a job; `published` and `outlet` apply to every document."""
    folder = Path(tempfile.mkdtemp(prefix="crisisdesk-upload-"))
    path = folder / "documents.jsonl"
    lines = (
        json.dumps({"id": n, **d.model_dump(mode="json", exclude_none=True)})
        for n, d in enumerate(batch.documents, 1)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest = Ingest(
        [str(path)],
        published=batch.published,
        outlet=batch.outlet,
        total=len(batch.documents),
        uploads=folder,
    )
    return service.jobs.start(ingest).to_json()


@router.get("/jobs", response_model=list[models.Job])
async def jobs(service: ServiceDep) -> list[dict[str, Any]]:
    """The recent ingest jobs, newest first."""
    return [job.to_json() for job in service.jobs.recent()]


@router.get("/jobs/{job_id}", response_model=models.Job)
async def job(job_id: str, service: ServiceDep) -> dict[str, Any]:
    """An ingest job: its state, documents done and, once done, its report."""
    found = service.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id!r} (a restart forgets jobs)")
    return found.to_json()
