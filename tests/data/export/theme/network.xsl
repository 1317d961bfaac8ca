<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:template match="tei:orgName"><b><xsl:value-of select="document('http://127.0.0.1:9/x.xml')"/></b></xsl:template>
</xsl:stylesheet>
